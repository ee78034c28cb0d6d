using System.Numerics.Tensors;
using AIaaS.Engine.Data;

namespace AIaaS.Engine.Factorization;

/// <summary>
/// SVD++ (Koren 2008): biased MF whose user vector is p_u + |N(u)|^−½ Σ_{j ∈ N(u)} y_j, so which items a user rated
/// speaks for them beside how they rated. Trained by SGD one user at a time: the implicit sum is formed once per user
/// and epoch, the ratings' gradients on it are summed and the user's y_j moved once, instead of every y_j after every
/// rating. The result is an <see cref="MfModel"/> whose user factors already hold the implicit sum.
/// </summary>
public sealed class SvdppTrainer
{
    /// <summary>Creates a trainer with the given options, validated once here.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public SvdppTrainer(SvdppOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The validated options.</summary>
    public SvdppOptions Options { get; }

    /// <summary>Trains on the ratings of a user × item matrix; N(u) is the items of row u.</summary>
    public MfModel Fit(RatingMatrix ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var mf = Options.Factorization;
        int k = mf.Factors;
        float mean = ratings.NonZeros == 0 ? 0f : TensorPrimitives.Sum(ratings.Values) / ratings.NonZeros;
        var random = new SplitMix64((ulong)(uint)mf.Seed * 0xD1B54A32D192ED03UL);
        var userFactors = SgdRandom.Gaussian(ratings.Rows * k, mf.InitialScale, ref random);
        var itemFactors = SgdRandom.Gaussian(ratings.Columns * k, mf.InitialScale, ref random);
        var implicitFactors = SgdRandom.Gaussian(ratings.Columns * k, mf.InitialScale, ref random);
        var userBias = new float[ratings.Rows];
        var itemBias = new float[ratings.Columns];
        var users = new int[ratings.Rows];
        for (int u = 0; u < users.Length; u++) users[u] = u;
        var order = new int[ratings.NonZeros];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        var implicitSum = new float[k];
        var effective = new float[k];
        var gradient = new float[k];
        float rate = mf.LearningRate, biasRate = mf.BiasLearningRate, implicitRate = Options.ImplicitLearningRate;
        float lambda = mf.Regularization, implicitLambda = Options.ImplicitRegularization;
        for (int epoch = 0; epoch < mf.Epochs; epoch++)
        {
            SgdRandom.Shuffle(users, ref random);
            foreach (var u in users)
            {
                int start = ratings.RowPointers[u], count = ratings.RowPointers[u + 1] - start;
                if (count == 0) continue;
                SgdRandom.Shuffle(order.AsSpan(start, count), ref random);
                float scale = 1f / MathF.Sqrt(count);
                ImplicitSum(ratings.RowIndices(u), implicitFactors, k, scale, implicitSum);
                gradient.AsSpan().Clear();
                var p = userFactors.AsSpan(u * k, k);
                for (int n = start; n < start + count; n++)
                {
                    int at = order[n];
                    int i = ratings.ColumnIndices[at];
                    var q = itemFactors.AsSpan(i * k, k);
                    TensorPrimitives.Add(p, implicitSum, effective);
                    float error = ratings.Values[at] - (mean + userBias[u] + itemBias[i] + TensorPrimitives.Dot(effective, q));
                    userBias[u] += biasRate * (error - mf.BiasRegularization * userBias[u]);
                    itemBias[i] += biasRate * (error - mf.BiasRegularization * itemBias[i]);
                    TensorPrimitives.MultiplyAdd(q, error, gradient, gradient);
                    // p ← p + rate·(error·q − λp), q ← q + rate·(error·(p + z) − λq), both from the old values.
                    TensorPrimitives.Multiply(p, 1f - rate * lambda, p);
                    TensorPrimitives.MultiplyAdd(q, rate * error, p, p);
                    TensorPrimitives.Multiply(q, 1f - rate * lambda, q);
                    TensorPrimitives.MultiplyAdd(effective, rate * error, q, q);
                }
                TensorPrimitives.Multiply(gradient, implicitRate * scale, gradient);
                foreach (var j in ratings.RowIndices(u))
                {
                    var y = implicitFactors.AsSpan(j * k, k);
                    TensorPrimitives.Multiply(y, 1f - implicitRate * implicitLambda, y);
                    TensorPrimitives.Add(y, gradient, y);
                }
            }
            rate *= mf.LearningRateDecay;
            biasRate *= mf.LearningRateDecay;
            implicitRate *= mf.LearningRateDecay;
        }
        for (int u = 0; u < ratings.Rows; u++)
        {
            int count = ratings.RowPointers[u + 1] - ratings.RowPointers[u];
            if (count == 0) continue;
            ImplicitSum(ratings.RowIndices(u), implicitFactors, k, 1f / MathF.Sqrt(count), implicitSum);
            var p = userFactors.AsSpan(u * k, k);
            TensorPrimitives.Add(p, implicitSum, p);
        }
        return new MfModel(mean, userBias, itemBias, userFactors, itemFactors, k);
    }

    private static void ImplicitSum(ReadOnlySpan<int> items, float[] implicitFactors, int k, float scale, Span<float> sum)
    {
        sum.Clear();
        foreach (var j in items) TensorPrimitives.Add(sum, implicitFactors.AsSpan(j * k, k), sum);
        TensorPrimitives.Multiply(sum, scale, sum);
    }
}
