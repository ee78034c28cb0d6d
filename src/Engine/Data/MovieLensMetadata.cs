namespace AIaaS.Engine.Data;

/// <summary>
/// Loads the item metadata of a MovieLens-format folder: ml-100k <c>u.item</c> (genres named by <c>u.genre</c>, release
/// year and decade from the title's year, else from the release date), ml-1m <c>movies.dat</c>, or ml-latest <c>movies.csv</c> and <c>tags.csv</c>
/// (genres, the year in the title and its decade, and tags). Only what needs metadata (the cold-items protocol) calls it.
/// </summary>
public static class MovieLensMetadata
{
    /// <summary>The content of every item the folder describes, by raw item id; the first of u.item, movies.dat, movies.csv/tags.csv found wins.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="FileNotFoundException">None of the metadata files is in the directory, or u.item comes without u.genre.</exception>
    /// <exception cref="DatasetFormatException">A line is malformed; the message names the file and line.</exception>
    public static IReadOnlyDictionary<int, ItemContent> Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"Dataset directory '{full}' does not exist (expected u.item, movies.dat, movies.csv or tags.csv in it).");
        }
        var items = new ItemContentBuilder();
        var uItem = Path.Combine(full, "u.item");
        var moviesDat = Path.Combine(full, "movies.dat");
        var moviesCsv = Path.Combine(full, "movies.csv");
        var tagsCsv = Path.Combine(full, "tags.csv");
        if (File.Exists(uItem))
        {
            var genres = Path.Combine(full, "u.genre");
            if (!File.Exists(genres)) throw new FileNotFoundException($"'{full}' has u.item but no u.genre, which names its genre flags.", genres);
            MetadataFileReader.ReadUItem(uItem, MetadataFileReader.ReadGenres(genres), items);
        }
        else if (File.Exists(moviesDat))
        {
            MetadataFileReader.ReadMovies(moviesDat, csv: false, items);
        }
        else if (File.Exists(moviesCsv) || File.Exists(tagsCsv))
        {
            if (File.Exists(moviesCsv)) MetadataFileReader.ReadMovies(moviesCsv, csv: true, items);
            if (File.Exists(tagsCsv)) MetadataFileReader.ReadTags(tagsCsv, items);
        }
        else
        {
            throw new FileNotFoundException($"No item metadata in '{full}': looked for u.item, movies.dat, movies.csv and tags.csv.", uItem);
        }
        return items.Build();
    }
}
