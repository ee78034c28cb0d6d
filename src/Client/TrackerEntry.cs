using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Client;

/// <summary>
/// What the tracker's queue holds: an event, a flush barrier (completed once everything before it is handled),
/// or, with neither, the flush timer's tick. Barriers and ticks ride the queue so that order alone decides
/// what a flush covers.
/// </summary>
internal readonly record struct TrackerEntry(InteractionEvent? Event, TaskCompletionSource? Barrier)
{
    public static TrackerEntry Tick => default;
}
