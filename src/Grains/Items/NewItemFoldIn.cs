using AIaaS.Engine.Factorization;
using AIaaS.Grains.Models;

namespace AIaaS.Grains.Items;

/// <summary>
/// Folds an item the model does not know into its space from the vectors of the users who consumed it:
/// exactly an ALS item half-step over those users, with the model's user Gramian for everyone else.
/// </summary>
internal static class NewItemFoldIn
{
    public static float[] Solve(LoadedModel model, List<float[]> userVectors, List<float> weights)
    {
        var k = model.Snapshot.Factors;
        var rows = new float[userVectors.Count * k];
        var indices = new int[userVectors.Count];
        for (var u = 0; u < userVectors.Count; u++)
        {
            userVectors[u].AsSpan().CopyTo(rows.AsSpan(u * k, k));
            indices[u] = u;
        }

        var vector = new float[k];
        new AlsFoldIn(rows, model.Snapshot.UserGramian, model.Snapshot.Options).SolveExact(indices, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(weights), vector);
        return vector;
    }
}
