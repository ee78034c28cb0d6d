using System.Numerics.Tensors;
using AIaaS.Engine.Data;

namespace AIaaS.Engine.Factorization;

/// <summary>Biased matrix factorization for explicit ratings, trained by SGD over a seeded shuffle of the ratings.</summary>
public sealed class MfTrainer
{
    /// <summary>Creates a trainer with the given options, validated once here.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public MfTrainer(MfOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>Creates a trainer from the most-tuned options; the rest keep the <see cref="MfOptions"/> defaults.</summary>
    public MfTrainer(int factors = 128, float learningRate = 0.03f, float regularization = 0.09f, int epochs = 30)
        : this(new MfOptions { Factors = factors, LearningRate = learningRate, Regularization = regularization, Epochs = epochs })
    {
    }

    /// <summary>The validated options.</summary>
    public MfOptions Options { get; }

    /// <summary>Trains on the ratings of a user × item matrix.</summary>
    public MfModel Fit(RatingMatrix ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        int k = Options.Factors;
        var users = new int[ratings.NonZeros];
        for (int u = 0; u < ratings.Rows; u++) users.AsSpan(ratings.RowPointers[u], ratings.RowPointers[u + 1] - ratings.RowPointers[u]).Fill(u);
        float mean = ratings.NonZeros == 0 ? 0f : TensorPrimitives.Sum(ratings.Values) / ratings.NonZeros;
        var random = new SplitMix64((ulong)(uint)Options.Seed * 0xD1B54A32D192ED03UL);
        var userFactors = SgdRandom.Gaussian(ratings.Rows * k, Options.InitialScale, ref random);
        var itemFactors = SgdRandom.Gaussian(ratings.Columns * k, Options.InitialScale, ref random);
        var userBias = new float[ratings.Rows];
        var itemBias = new float[ratings.Columns];
        var order = new int[ratings.NonZeros];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        float rate = Options.LearningRate, biasRate = Options.BiasLearningRate;
        for (int epoch = 0; epoch < Options.Epochs; epoch++)
        {
            SgdRandom.Shuffle(order, ref random);
            foreach (var at in order)
            {
                int u = users[at];
                int i = ratings.ColumnIndices[at];
                var p = userFactors.AsSpan(u * k, k);
                var q = itemFactors.AsSpan(i * k, k);
                float error = ratings.Values[at] - (mean + userBias[u] + itemBias[i] + TensorPrimitives.Dot(p, q));
                userBias[u] += biasRate * (error - Options.BiasRegularization * userBias[u]);
                itemBias[i] += biasRate * (error - Options.BiasRegularization * itemBias[i]);
                SgdKernels.UpdatePair(p, q, 1f - rate * Options.Regularization, rate * error);
            }
            rate *= Options.LearningRateDecay;
            biasRate *= Options.LearningRateDecay;
        }
        return new MfModel(mean, userBias, itemBias, userFactors, itemFactors, k);
    }
}
