using AIaaS.Engine.Data;
using AIaaS.Engine.Factorization;

namespace AIaaS.Engine.UnitTests.Factorization;

public class EaseTrainerTests
{
    [Fact]
    public void Fit_SmallMatrix_WeightsAreTheClosedFormOfTheInverse()
    {
        // 4 users × 3 items; the weights must be −P_ij / P_jj of P = (XᵀX + λI)⁻¹, found here by Gauss–Jordan.
        var train = Matrix(4, 3, (0, 0), (0, 1), (1, 1), (1, 2), (2, 0), (2, 1), (2, 2), (3, 2));
        const double lambda = 0.5;

        var model = new EaseTrainer(new EaseOptions { Regularization = lambda }).Fit(train);

        var inverse = Invert(Gram(train, lambda));
        for (int j = 0; j < 3; j++)
        {
            for (int i = 0; i < 3; i++)
            {
                double expected = i == j ? 0 : -inverse[j, i] / inverse[j, j];
                Assert.Equal(expected, model.ItemWeights[j * 3 + i], 5);
            }
        }
    }

    [Fact]
    public void Fit_ItemsAlwaysConsumedTogether_ScoreEachOtherHighest()
    {
        // Items 0 and 1 always go together, item 2 only with item 3: a user with item 0 is sent to item 1.
        var train = Matrix(6, 4, (0, 0), (0, 1), (1, 0), (1, 1), (2, 0), (2, 1), (3, 2), (3, 3), (4, 2), (4, 3), (5, 1));
        var model = new EaseTrainer(new EaseOptions { Regularization = 1 }).Fit(train);
        var user = new float[4];

        model.UserVector([0], user);
        var scores = Enumerable.Range(0, 4).Select(j => Dot(user, model.ItemWeights.AsSpan(j * 4, 4))).ToArray();

        Assert.Equal([1f, 0f, 0f, 0f], user);
        Assert.Equal(1, Array.IndexOf(scores, scores.Where((_, j) => j != 0).Max()));
        Assert.True(scores[1] > 0);
        Assert.Equal(0f, scores[0]);
    }

    [Fact]
    public void Fit_CatalogPastTheLimit_ThrowsArgumentExceptionNamingIt()
    {
        var train = Matrix(1, EaseOptions.MaxItems + 1, (0, 0));

        var e = Assert.Throws<ArgumentException>(() => new EaseTrainer(new EaseOptions()).Fit(train));

        Assert.Contains($"at most {EaseOptions.MaxItems} items", e.Message);
    }

    [Theory]
    [InlineData(0.0, "Regularization")]
    [InlineData(double.NaN, "Regularization")]
    public void Constructor_InvalidOption_ThrowsArgumentExceptionNamingIt(double regularization, string name)
    {
        var e = Assert.Throws<ArgumentException>(() => new EaseTrainer(new EaseOptions { Regularization = regularization }));

        Assert.Contains("EaseOptions." + name, e.Message);
    }

    private static RatingMatrix Matrix(int users, int items, params (int User, int Item)[] entries) =>
        RatingMatrix.FromCoordinates(users, items, entries.Select(e => e.User).ToArray(), entries.Select(e => e.Item).ToArray(),
            entries.Select(_ => 3f).ToArray());

    private static double[,] Gram(RatingMatrix train, double lambda)
    {
        var g = new double[train.Columns, train.Columns];
        for (int u = 0; u < train.Rows; u++)
        {
            foreach (var i in train.RowIndices(u))
            {
                foreach (var j in train.RowIndices(u)) g[i, j]++;
            }
        }

        for (int i = 0; i < train.Columns; i++) g[i, i] += lambda;
        return g;
    }

    private static double[,] Invert(double[,] a)
    {
        int n = a.GetLength(0);
        var m = new double[n, 2 * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) m[i, j] = a[i, j];
            m[i, n + i] = 1;
        }

        for (int c = 0; c < n; c++)
        {
            double pivot = m[c, c];
            for (int j = 0; j < 2 * n; j++) m[c, j] /= pivot;
            for (int r = 0; r < n; r++)
            {
                if (r == c) continue;
                double f = m[r, c];
                for (int j = 0; j < 2 * n; j++) m[r, j] -= f * m[c, j];
            }
        }

        var inverse = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) inverse[i, j] = m[i, n + j];
        }

        return inverse;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
