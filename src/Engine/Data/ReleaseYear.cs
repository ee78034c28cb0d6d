using System.Globalization;

namespace AIaaS.Engine.Data;

/// <summary>
/// The release year of a MovieLens item, from an ml-100k release date or a title ending in "(1995)", and the tags
/// it becomes: the year (<c>1995</c>) and its decade (<c>1990s</c>), which pools the years with few items.
/// </summary>
internal static class ReleaseYear
{
    /// <summary>The year of an ml-100k release date such as <c>01-Jan-1995</c> (its last four characters); null when empty or malformed.</summary>
    public static int? OfDate(ReadOnlySpan<char> date)
    {
        date = date.Trim();
        return date.Length >= 4 && int.TryParse(date[^4..], NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? Valid(year) : null;
    }

    /// <summary>The year in parentheses that ends an ml-latest title (<c>Heat (1995)</c>); null when there is none.</summary>
    public static int? OfTitle(ReadOnlySpan<char> title)
    {
        title = title.TrimEnd();
        return title.Length >= 6 && title[^1] == ')' && title[^6] == '('
            && int.TryParse(title[^5..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? Valid(year) : null;
    }

    /// <summary>Adds the tags of <paramref name="year"/> (when known) to <paramref name="item"/>.</summary>
    public static void AddTags(ItemContentBuilder items, int item, int? year)
    {
        if (year is not { } known) return;
        items.AddTag(item, known.ToString(CultureInfo.InvariantCulture));
        items.AddTag(item, (known / 10 * 10).ToString(CultureInfo.InvariantCulture) + "s");
    }

    private static int? Valid(int year) => year is >= 1000 and <= 9999 ? year : null;
}
