using System.Globalization;

namespace AIaaS.Engine.Data;

/// <summary>The release decade tag (<c>1990s</c>) from a year, a MovieLens release date or a title ending in "(1995)".</summary>
internal static class ReleaseDecade
{
    /// <summary>The decade of a year from 1000 to 9999, or null.</summary>
    public static string? OfYear(int year) =>
        year is >= 1000 and <= 9999 ? (year / 10 * 10).ToString(CultureInfo.InvariantCulture) + "s" : null;

    /// <summary>The decade of an ml-100k release date such as <c>01-Jan-1995</c> (its last four characters); null when empty or malformed.</summary>
    public static string? OfDate(ReadOnlySpan<char> date)
    {
        date = date.Trim();
        return date.Length >= 4 && int.TryParse(date[^4..], NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? OfYear(year) : null;
    }

    /// <summary>The decade of the year in parentheses that ends an ml-latest title (<c>Heat (1995)</c>); null when there is none.</summary>
    public static string? OfTitle(ReadOnlySpan<char> title)
    {
        title = title.TrimEnd();
        return title.Length >= 6 && title[^1] == ')' && title[^6] == '('
            && int.TryParse(title[^5..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? OfYear(year) : null;
    }
}
