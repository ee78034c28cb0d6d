using AIaaS.Engine.Data;
using AIaaS.Engine.Factorization;

namespace AIaaS.Engine.UnitTests.Factorization;

public class AlsFoldInTests
{
    private static readonly AlsOptions Exact = new() { Factors = 12, Regularization = 5f, Alpha = 1f, Iterations = 4, Solver = AlsSolver.Cholesky };

    [Fact]
    public void SolveExact_TrainingUser_ReproducesTrainedRow()
    {
        var train = PlantedData.Ratings.ToMatrix();
        var model = new AlsTrainer(Exact).Fit(train);
        var foldIn = model.CreateUserFoldIn();
        var vector = new float[model.Factors];

        foreach (var user in new[] { 0, 1, 17, 100, train.Rows - 1 })
        {
            foldIn.SolveExact(train.RowIndices(user), train.RowValues(user), vector);

            AssertClose(model.UserVector(user), vector, 1e-4f);
        }
    }

    [Fact]
    public void Solve_ManyCgSteps_ConvergesToTrainedRow()
    {
        var train = PlantedData.Ratings.ToMatrix();
        var model = new AlsTrainer(Exact).Fit(train);
        var cg = new AlsFoldIn(model.ItemFactors, new AlsOptions
        {
            Factors = 12, Regularization = 5f, Alpha = 1f, Solver = AlsSolver.ConjugateGradient, CgSteps = 40,
        });
        var vector = new float[model.Factors];

        cg.Solve(train.RowIndices(3), train.RowValues(3), vector);

        AssertClose(model.UserVector(3), vector, 1e-3f);
    }

    [Fact]
    public void SolveExact_TrainingItem_ReproducesItemHalfStep()
    {
        var train = PlantedData.Ratings.ToMatrix();
        var model = new AlsTrainer(Exact).Fit(train);
        var items = AlsHalfStep.WithExtraConfidence(train, Exact).Transpose();
        var expected = (float[])model.ItemFactors.Clone();
        AlsHalfStep.Run(items, model.UserFactors, expected, Exact);
        var byItem = train.Transpose();
        var foldIn = model.CreateItemFoldIn();
        var vector = new float[model.Factors];

        foreach (var item in new[] { 0, 5, byItem.Rows - 1 })
        {
            foldIn.SolveExact(byItem.RowIndices(item), byItem.RowValues(item), vector);

            AssertClose(expected.AsSpan(item * model.Factors, model.Factors), vector, 1e-4f);
        }
    }

    [Fact]
    public void Solve_IndexOutOfRange_Throws()
    {
        var foldIn = new AlsFoldIn(new float[4 * 2], new AlsOptions { Factors = 2 });

        Assert.Throws<ArgumentOutOfRangeException>(() => foldIn.Solve([4], [1f], new float[2]));
    }

    private static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, float tolerance)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(MathF.Abs(expected[i] - actual[i]) <= tolerance, $"component {i}: expected {expected[i]}, got {actual[i]}");
        }
    }
}
