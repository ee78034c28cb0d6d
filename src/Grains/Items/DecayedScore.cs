namespace AIaaS.Grains.Items;

/// <summary>
/// A sum of event weights that halves every half-life. Kept as a value at a reference time; its
/// logarithm referred to the Unix epoch ranks items without decaying every score to a common "now".
/// </summary>
[GenerateSerializer, Alias("AIaaS.DecayedScore")]
public readonly record struct DecayedScore([property: Id(0)] double Value, [property: Id(1)] DateTimeOffset At)
{
    public DecayedScore Add(double weight, DateTimeOffset at, TimeSpan halfLife)
    {
        if (Value <= 0)
        {
            return new(weight, at);
        }

        return at >= At
            ? new(Value * Decay(at - At, halfLife) + weight, at)
            : new(Value + weight * Decay(At - at, halfLife), At);
    }

    public double LogScore(TimeSpan halfLife) =>
        Value <= 0 ? double.NegativeInfinity : Math.Log(Value) + At.ToUnixTimeMilliseconds() / halfLife.TotalMilliseconds * Math.Log(2);

    private static double Decay(TimeSpan elapsed, TimeSpan halfLife) => Math.Pow(2, -elapsed / halfLife);
}
