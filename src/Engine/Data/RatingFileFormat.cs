namespace AIaaS.Engine.Data;

/// <summary>One of the MovieLens rating file layouts: a file name, a field separator and whether a header comes first.</summary>
internal sealed record RatingFileFormat(string FileName, byte[] Separator, string SeparatorName, bool HasHeader)
{
    public static readonly RatingFileFormat UData = new("u.data", "\t"u8.ToArray(), "tab", false);
    public static readonly RatingFileFormat RatingsDat = new("ratings.dat", "::"u8.ToArray(), "'::'", false);
    public static readonly RatingFileFormat RatingsCsv = new("ratings.csv", ","u8.ToArray(), "comma", true);

    /// <summary>The order in which <see cref="MovieLens.Load"/> looks for files.</summary>
    public static readonly RatingFileFormat[] SearchOrder = [UData, RatingsDat, RatingsCsv];
}
