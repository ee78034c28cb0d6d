namespace AIaaS.Engine.Evaluation;

/// <summary>Rating-prediction errors over parallel spans of predictions and true ratings.</summary>
public static class RatingMetrics
{
    /// <summary>Root mean squared error.</summary>
    public static double Rmse(ReadOnlySpan<float> predicted, ReadOnlySpan<float> actual)
    {
        Validate(predicted, actual);
        double sum = 0.0;
        for (int i = 0; i < predicted.Length; i++)
        {
            double e = predicted[i] - (double)actual[i];
            sum += e * e;
        }
        return Math.Sqrt(sum / predicted.Length);
    }

    /// <summary>Mean absolute error.</summary>
    public static double Mae(ReadOnlySpan<float> predicted, ReadOnlySpan<float> actual)
    {
        Validate(predicted, actual);
        double sum = 0.0;
        for (int i = 0; i < predicted.Length; i++) sum += Math.Abs(predicted[i] - (double)actual[i]);
        return sum / predicted.Length;
    }

    private static void Validate(ReadOnlySpan<float> predicted, ReadOnlySpan<float> actual)
    {
        if (actual.Length != predicted.Length) ThrowHelper.LengthMismatch(nameof(actual), predicted.Length, actual.Length);
        if (predicted.IsEmpty) ThrowHelper.Argument("predicted must not be empty.", nameof(predicted));
    }
}
