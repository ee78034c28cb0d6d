using System.Text;

namespace AIaaS.Engine.Data;

/// <summary>Splits one line of an RFC 4180 comma-separated file: a quoted field may hold commas and doubled quotes.</summary>
internal static class CsvFields
{
    /// <summary>The line's fields into <paramref name="fields"/> (cleared first); false when a quote is left open.</summary>
    public static bool Split(string line, List<string> fields)
    {
        fields.Clear();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') field.Append(line[++i]);
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return !quoted;
    }
}
