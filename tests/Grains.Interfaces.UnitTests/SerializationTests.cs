using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace AIaaS.Grains.Interfaces.UnitTests;

/// <summary>Every wire type survives Orleans serialization unchanged.</summary>
public sealed class SerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
    private static readonly DateTimeOffset At = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly InteractionEvent Event = new("u1", "i9", EventType.Rating, 4.5f, At);

    public static TheoryData<object> Contracts() => new()
    {
        Event,
        new RecommendationRequest(10, ["i1", "i2"]),
        new RecommendedItem("i1", 0.93, "trending"),
        new ItemMetadata("Final", ["sport"], At, At.AddHours(2)),
        new ItemInteraction(2.0, At, ["i2", "i3"]),
        new ItemScore("i1", 12.5),
        new LoggedEvent(42, Event),
        new EngineStats(100, 10, 5),
        new TrainedVersion(3, At, 1200, 800, 64, 50_000, 1.5, 2.25),
    };

    [Theory]
    [MemberData(nameof(Contracts))]
    public void RoundTrip_RecordContract_EqualAfter(object value)
    {
        var copy = Serializer.Deserialize<object>(Serializer.SerializeToArray(value));

        Assert.NotNull(copy);
        Assert.Equal(value.GetType(), copy.GetType());
        Assert.Equal(Describe(value), Describe(copy));
    }

    [Fact]
    public void RoundTrip_Recommendations_ItemsKept()
    {
        var value = new Recommendations("u1", 3, [new RecommendedItem("i1", 0.5, "because you watched i9")]);

        var copy = RoundTrip(value);

        Assert.Equal(value.UserId, copy.UserId);
        Assert.Equal(value.ModelVersion, copy.ModelVersion);
        Assert.Equal(value.Items.ToArray(), copy.Items.ToArray());
    }

    [Fact]
    public void RoundTrip_AppendedErasedAndProfile_ContentsKept()
    {
        var withId = Event with { EventId = "e-1" };
        var appended = RoundTrip(new AppendedEvents([new LoggedEvent(1, withId)], 1));
        var erased = RoundTrip(new ErasedUser([new LoggedEvent(4, Event)], 9));
        var ingest = RoundTrip(new IngestResult(3, 2));
        var profile = RoundTrip(new UserProfile("u1", [Event], 1, ImmutableDictionary<EventType, long>.Empty.Add(EventType.Rating, 1)));

        Assert.Equal([new LoggedEvent(1, withId)], appended.Events.ToArray());
        Assert.Equal("e-1", appended.Events[0].Event.EventId);
        Assert.Equal(1, appended.Duplicates);
        Assert.Equal([new LoggedEvent(4, Event)], erased.Events.ToArray());
        Assert.Equal(9L, erased.ErasedThrough);
        Assert.Equal(new IngestResult(3, 2), ingest);
        Assert.Equal(1, profile.CountsByType[EventType.Rating]);
        Assert.Equal(Event, profile.RecentHistory.Single());
    }

    private static T RoundTrip<T>(T value) => Serializer.Deserialize<T>(Serializer.SerializeToArray(value))!;

    // Records with ImmutableArray members compare arrays by reference, so compare what they print.
    private static string Describe(object value) => value switch
    {
        RecommendationRequest r => $"{r.Count}:{string.Join(",", r.Exclude)}",
        ItemMetadata m => $"{m.Title}:{string.Join(",", m.Tags)}:{m.LiveFrom}:{m.LiveUntil}",
        ItemInteraction i => $"{i.Weight}:{i.Timestamp}:{string.Join(",", i.CoItems)}",
        _ => value.ToString()!,
    };
}
