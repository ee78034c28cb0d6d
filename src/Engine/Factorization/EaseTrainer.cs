using AIaaS.Engine.Data;

namespace AIaaS.Engine.Factorization;

/// <summary>
/// EASE (Steck 2019): the item-item weights B that minimise ‖X − XB‖² + λ‖B‖² with a zero diagonal, in closed form
/// from P = (XᵀX + λI)⁻¹ as B_ij = −P_ij / P_jj. X is the binary user × item matrix of the training data.
/// </summary>
public sealed class EaseTrainer(EaseOptions options)
{
    private readonly EaseOptions _options = Validated(options);

    /// <summary>Fits the weights on <paramref name="train"/>; every stored entry counts as one interaction, whatever its value.</summary>
    public EaseModel Fit(RatingMatrix train)
    {
        ArgumentNullException.ThrowIfNull(train);
        int n = train.Columns;
        if (n > EaseOptions.MaxItems)
        {
            throw new ArgumentException($"EASE trains on at most {EaseOptions.MaxItems} items (the catalog has {n}); use ALS for larger catalogs.", nameof(train));
        }
        var gram = ItemGram(train);
        for (int i = 0; i < n; i++) gram[i * n + i] += _options.Regularization;
        CholeskyFactor.InPlace<double>(gram, n);
        return new EaseModel(n, Weights(gram, n));
    }

    private static double[] ItemGram(RatingMatrix train)
    {
        int n = train.Columns;
        var gram = new double[n * n];
        for (int u = 0; u < train.Rows; u++)
        {
            var items = train.RowIndices(u);
            foreach (var i in items)
            {
                var row = gram.AsSpan(i * n, n);
                foreach (var j in items) row[j] += 1;
            }
        }
        return gram;
    }

    /// <summary>
    /// P = (LLᵀ)⁻¹ from the solve with the identity as right-hand sides; row j of the result is item j's weights over
    /// the history items, −P[j, ·] / P_jj (P is symmetric, so its row j is its column j) with a zero at j.
    /// </summary>
    private static float[] Weights(double[] lower, int n)
    {
        var inverse = new double[n * n];
        for (int i = 0; i < n; i++) inverse[i * n + i] = 1;
        CholeskyFactor.Solve(lower, inverse, n, n);
        var weights = new float[n * n];
        for (int j = 0; j < n; j++)
        {
            var p = inverse.AsSpan(j * n, n);
            var row = weights.AsSpan(j * n, n);
            double scale = -1 / p[j];
            for (int i = 0; i < n; i++) row[i] = (float)(p[i] * scale);
            row[j] = 0f;
        }
        return weights;
    }

    private static EaseOptions Validated(EaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }
}
