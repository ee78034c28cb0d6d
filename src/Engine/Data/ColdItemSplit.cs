namespace AIaaS.Engine.Data;

/// <summary>The cold-items partition of a dataset: every rating of a cold item is test, every other rating train.</summary>
/// <param name="Train">Indices (file order) of the ratings of warm items.</param>
/// <param name="Test">Indices (file order) of the ratings of cold items.</param>
/// <param name="ColdItems">Dense indices of the cold items, ascending.</param>
public sealed record ColdItemSplit(int[] Train, int[] Test, int[] ColdItems);
