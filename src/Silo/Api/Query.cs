namespace AIaaS.Silo.Api;

/// <summary>Query-string values read by hand, so that a bad one gets a problem naming it rather than a bare 400.</summary>
internal static class Query
{
    /// <summary>Reads an optional integer in [<paramref name="min"/>, <paramref name="max"/>]; returns why it is invalid, or null.</summary>
    public static string? Int(string? text, string field, int min, int max, int fallback, out int value)
    {
        value = fallback;
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out value) && value >= min && value <= max
            ? null
            : $"{field} must be an integer from {min} to {max} (was '{text}').";
    }
}
