namespace AIaaS.Engine.Data;

/// <summary>Loads a MovieLens-format folder: ml-100k <c>u.data</c>, ml-1m <c>ratings.dat</c> or ml-latest <c>ratings.csv</c>.</summary>
public static class MovieLens
{
    /// <summary>
    /// Reads the first of <c>u.data</c>, <c>ratings.dat</c>, <c>ratings.csv</c> found in <paramref name="directory"/>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="FileNotFoundException">None of the rating files is in the directory.</exception>
    /// <exception cref="DatasetFormatException">A line is malformed; the message names the file and line.</exception>
    public static RatingDataset Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"Dataset directory '{full}' does not exist (expected u.data, ratings.dat or ratings.csv in it).");
        }
        foreach (var format in RatingFileFormat.SearchOrder)
        {
            var path = Path.Combine(full, format.FileName);
            if (File.Exists(path)) return RatingFileReader.Read(path, format);
        }
        throw new FileNotFoundException($"No rating file in '{full}': looked for u.data, ratings.dat and ratings.csv.", Path.Combine(full, "u.data"));
    }
}
