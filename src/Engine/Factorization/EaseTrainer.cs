using System.Numerics.Tensors;
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
        return new EaseModel(n, Weights(gram, n, _options.Threads));
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
    /// Row j of the result is item j's weights over the history items, −P[j, ·] / P_jj with a zero at j; P's row j is
    /// its column j (P is symmetric), so each row is one solve of LLᵀp = e_j.
    /// </summary>
    private static float[] Weights(double[] lower, int n, int threads)
    {
        var upper = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k <= i; k++) upper[k * n + i] = lower[i * n + k];
        }
        var weights = new float[n * n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = threads }, () => new double[n], (j, _, p) =>
        {
            Array.Clear(p);
            for (int i = j; i < n; i++)
            {
                double e = i == j ? 1 : 0;
                p[i] = (e - TensorPrimitives.Dot<double>(lower.AsSpan(i * n + j, i - j), p.AsSpan(j, i - j))) / lower[i * n + i];
            }
            for (int i = n - 1; i >= 0; i--)
            {
                p[i] = (p[i] - TensorPrimitives.Dot<double>(upper.AsSpan(i * n + i + 1, n - i - 1), p.AsSpan(i + 1, n - i - 1))) / upper[i * n + i];
            }
            var row = weights.AsSpan(j * n, n);
            double scale = -1 / p[j];
            for (int i = 0; i < n; i++) row[i] = (float)(p[i] * scale);
            row[j] = 0f;
            return p;
        }, _ => { });
        return weights;
    }

    private static EaseOptions Validated(EaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }
}
