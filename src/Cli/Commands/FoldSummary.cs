namespace AIaaS.Cli.Commands;

/// <summary>
/// Reports figures measured on each fold as their mean and sample standard deviation (divisor k − 1): `name` holds
/// the mean and `nameSd` the deviation.
/// </summary>
internal static class FoldSummary
{
    public static void AddTo(MetricsOutput output, IReadOnlyList<IReadOnlyList<(string Name, object Value)>> folds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds.Count, 2);
        foreach (var (name, _) in folds[0])
        {
            var values = folds.Select(fold => Convert.ToDouble(fold.First(f => f.Name == name).Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var (mean, sd) = MeanAndDeviation(values);
            output.Add(name, mean).Add(name + "Sd", sd);
        }
    }

    public static (double Mean, double Deviation) MeanAndDeviation(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        double squares = values.Sum(v => (v - mean) * (v - mean));
        return (mean, Math.Sqrt(squares / (values.Count - 1)));
    }
}
