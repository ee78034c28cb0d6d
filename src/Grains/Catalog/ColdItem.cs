namespace AIaaS.Grains.Catalog;

/// <summary>A catalog item the model does not know, with the vector its metadata maps to through the model's content map.</summary>
public sealed record ColdItem(string ItemId, float[] Vector, float InverseNorm);
