using System.Numerics.Tensors;

namespace AIaaS.Engine.Factorization;

/// <summary>A biased MF model: rating ≈ global mean + user bias + item bias + user·item.</summary>
public sealed class MfModel
{
    internal MfModel(float globalMean, float[] userBias, float[] itemBias, float[] userFactors, float[] itemFactors, int factors)
    {
        GlobalMean = globalMean;
        UserBias = userBias;
        ItemBias = itemBias;
        UserFactors = userFactors;
        ItemFactors = itemFactors;
        Factors = factors;
    }

    /// <summary>Latent dimension k.</summary>
    public int Factors { get; }

    /// <summary>Mean training rating.</summary>
    public float GlobalMean { get; }

    /// <summary>Per-user bias.</summary>
    public float[] UserBias { get; }

    /// <summary>Per-item bias.</summary>
    public float[] ItemBias { get; }

    /// <summary>User factors, row-major [users × k].</summary>
    public float[] UserFactors { get; }

    /// <summary>Item factors, row-major [items × k].</summary>
    public float[] ItemFactors { get; }

    /// <summary>Predicted rating of dense <paramref name="user"/> for dense <paramref name="item"/>.</summary>
    public float Predict(int user, int item) =>
        GlobalMean + UserBias[user] + ItemBias[item] +
        TensorPrimitives.Dot(UserFactors.AsSpan(user * Factors, Factors), ItemFactors.AsSpan(item * Factors, Factors));
}
