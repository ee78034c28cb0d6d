using System.Globalization;
using System.Text;

namespace AIaaS.Engine.Data;

/// <summary>
/// Reads the MovieLens item files: ml-100k <c>u.item</c> with <c>u.genre</c> (Latin-1, <c>|</c>-separated), ml-1m
/// <c>movies.dat</c> (Latin-1, <c>::</c>-separated) and ml-latest <c>movies.csv</c> and <c>tags.csv</c> (UTF-8, quoted
/// CSV). They are small next to the rating files, so they are read line by line as strings.
/// </summary>
internal static class MetadataFileReader
{
    private const int UItemFixedFields = 5;
    private const string NoGenres = "(no genres listed)";

    /// <summary>The genre names of <c>u.genre</c> (<c>name|index</c> lines) by index.</summary>
    public static string[] ReadGenres(string path)
    {
        var names = new SortedDictionary<int, string>();
        foreach (var (line, number) in Lines(path, Encoding.Latin1))
        {
            var fields = line.Split('|');
            if (fields.Length != 2 || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                throw new DatasetFormatException(path, number, "expected 'genre name|index'");
            }
            names[index] = fields[0];
        }
        if (names.Count == 0 || names.Keys.Last() != names.Count - 1)
        {
            throw new DatasetFormatException(path, 1, "genre indices must run from 0 without gaps");
        }
        return [.. names.Values];
    }

    /// <summary>ml-100k items: id|title|release date|video release|url|one 0/1 flag per genre; the year is the title's, else the release date's.</summary>
    public static void ReadUItem(string path, string[] genres, ItemContentBuilder items)
    {
        foreach (var (line, number) in Lines(path, Encoding.Latin1))
        {
            var fields = line.Split('|');
            if (fields.Length != UItemFixedFields + genres.Length)
            {
                throw new DatasetFormatException(path, number, $"expected {UItemFixedFields + genres.Length} '|'-separated fields, found {fields.Length}");
            }
            int item = ParseId(fields[0], path, number);
            items.SetTitle(item, fields[1]);
            for (int g = 0; g < genres.Length; g++)
            {
                switch (fields[UItemFixedFields + g])
                {
                    case "1": items.AddCategory(item, genres[g]); break;
                    case "0": break;
                    default: throw new DatasetFormatException(path, number, $"genre flag {g + 1} is '{fields[UItemFixedFields + g]}', not 0 or 1");
                }
            }
            // The title's year is the film's; the date is sometimes a re-release's (Return of the Jedi (1983), 14-Mar-1997).
            ReleaseYear.AddTags(items, item, ReleaseYear.OfTitle(fields[1]) ?? ReleaseYear.OfDate(fields[2]));
        }
    }

    /// <summary>ml-1m <c>movies.dat</c> (<c>id::title::genres</c>, Latin-1) or ml-latest <c>movies.csv</c> (<c>movieId,title,genres</c>).</summary>
    public static void ReadMovies(string path, bool csv, ItemContentBuilder items)
    {
        var fields = new List<string>(3);
        foreach (var (line, number) in Lines(path, csv ? Encoding.UTF8 : Encoding.Latin1))
        {
            if (number == 1 && csv && !char.IsAsciiDigit(line[0])) continue;
            Split(line, csv, "::", fields, path, number);
            if (fields.Count != 3) throw new DatasetFormatException(path, number, $"expected 3 fields (id, title, genres), found {fields.Count}");
            int item = ParseId(fields[0], path, number);
            items.SetTitle(item, fields[1]);
            foreach (var genre in fields[2].Split('|'))
            {
                if (genre != NoGenres) items.AddCategory(item, genre);
            }
            ReleaseYear.AddTags(items, item, ReleaseYear.OfTitle(fields[1]));
        }
    }

    /// <summary>ml-latest <c>tags.csv</c>: <c>userId,movieId,tag,timestamp</c>; each tag once per item.</summary>
    public static void ReadTags(string path, ItemContentBuilder items)
    {
        var fields = new List<string>(4);
        foreach (var (line, number) in Lines(path, Encoding.UTF8))
        {
            if (number == 1 && !char.IsAsciiDigit(line[0])) continue;
            Split(line, csv: true, separator: ",", fields, path, number);
            if (fields.Count != 4) throw new DatasetFormatException(path, number, $"expected 4 fields (userId, movieId, tag, timestamp), found {fields.Count}");
            items.AddTag(ParseId(fields[1], path, number), fields[2]);
        }
    }

    private static void Split(string line, bool csv, string separator, List<string> fields, string path, long number)
    {
        if (!csv)
        {
            fields.Clear();
            fields.AddRange(line.Split(separator));
        }
        else if (!CsvFields.Split(line, fields))
        {
            throw new DatasetFormatException(path, number, "a quoted field is not closed");
        }
    }

    private static int ParseId(string field, string path, long number) =>
        int.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new DatasetFormatException(path, number, $"item id '{(field.Length > 40 ? field[..40] : field)}' is not an integer");

    /// <summary>The non-blank lines with their 1-based numbers, a trailing CR removed.</summary>
    private static IEnumerable<(string Line, long Number)> Lines(string path, Encoding encoding)
    {
        long number = 0;
        foreach (var raw in File.ReadLines(path, encoding))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (!string.IsNullOrWhiteSpace(line)) yield return (line, number);
        }
    }
}
