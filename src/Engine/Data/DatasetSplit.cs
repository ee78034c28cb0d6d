namespace AIaaS.Engine.Data;

/// <summary>A train/test partition of a dataset's ratings, as record indices in file order.</summary>
/// <param name="Train">Indices of the training ratings.</param>
/// <param name="Test">Indices of the test ratings.</param>
public sealed record DatasetSplit(int[] Train, int[] Test);
