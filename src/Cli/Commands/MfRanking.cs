using AIaaS.Engine.Factorization;

namespace AIaaS.Cli.Commands;

/// <summary>Ranks with an MF model by its predicted rating less the per-user constant: [p, 1]·[q, item bias].</summary>
internal static class MfRanking
{
    public static (float[] Users, float[] Items, int Factors) Augment(MfModel model)
    {
        int k = model.Factors;
        int width = k + 1;
        var users = Widen(model.UserFactors, k, _ => 1f);
        var items = Widen(model.ItemFactors, k, i => model.ItemBias[i]);
        return (users, items, width);
    }

    private static float[] Widen(float[] factors, int k, Func<int, float> last)
    {
        int rows = factors.Length / k;
        var wide = new float[rows * (k + 1)];
        for (int row = 0; row < rows; row++)
        {
            factors.AsSpan(row * k, k).CopyTo(wide.AsSpan(row * (k + 1), k));
            wide[row * (k + 1) + k] = last(row);
        }
        return wide;
    }
}
