namespace AIaaS.Grains;

/// <summary>
/// A grain's save of state that changed since it was last written: a one-shot grain timer, armed when the state first
/// changes after a save and disarmed once the save ran. A silo holds timers only for grains with something to save, not
/// one for every active grain: with 100,000 active users and 10,000 items, .NET's timer queue alone took 8 % of the
/// silo's CPU while serving (docs/benchmarks.md). A save that fails leaves the state changed, and the timer is armed again.
/// </summary>
public sealed class DeferredSave : IDisposable
{
    private readonly IGrainTimer _timer;
    private readonly TimeSpan _delay;
    private bool _armed;

    internal DeferredSave(IGrainBase grain, TimeSpan delay, Func<CancellationToken, Task> save, Func<bool> allowed)
    {
        _delay = delay;
        _timer = grain.RegisterGrainTimer(
            async cancellation =>
            {
                _armed = false;
                try
                {
                    if (allowed())
                    {
                        await save(cancellation);
                    }
                }
                finally
                {
                    if (IsChanged)
                    {
                        Arm();
                    }
                }
            },
            new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = false });
    }

    /// <summary>Whether the state changed since it was last written.</summary>
    public bool IsChanged { get; private set; }

    /// <summary>The state changed: it is written within the delay, unless a save comes first.</summary>
    public void Changed()
    {
        IsChanged = true;
        Arm();
    }

    /// <summary>The state was written (by the timer's save or any other).</summary>
    public void Saved() => IsChanged = false;

    public void Dispose() => _timer.Dispose();

    private void Arm()
    {
        if (!_armed)
        {
            _armed = true;
            _timer.Change(_delay, Timeout.InfiniteTimeSpan);
        }
    }
}
