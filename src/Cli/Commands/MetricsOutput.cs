using System.Globalization;
using System.Text.Json;

namespace AIaaS.Cli.Commands;

/// <summary>Prints named figures as a readable table or as one JSON object on the last line of stdout.</summary>
internal sealed class MetricsOutput
{
    private readonly List<(string Name, object Value)> _entries = [];

    public MetricsOutput Add(string name, object value)
    {
        _entries.Add((name, value));
        return this;
    }

    public void Write(bool json)
    {
        if (json)
        {
            Console.WriteLine(ToJson());
            return;
        }
        int width = 0;
        foreach (var (name, _) in _entries) width = Math.Max(width, name.Length);
        foreach (var (name, value) in _entries) Console.WriteLine($"{name.PadRight(width)}  {Format(value)}");
    }

    private string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in _entries)
            {
                switch (value)
                {
                    case double d: writer.WriteNumber(name, Math.Round(d, 6)); break;
                    case float f: writer.WriteNumber(name, Math.Round(f, 6)); break;
                    case int i: writer.WriteNumber(name, i); break;
                    case long l: writer.WriteNumber(name, l); break;
                    default: writer.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture)); break;
                }
            }
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Format(object value) => value switch
    {
        double d => d.ToString("0.0000", CultureInfo.InvariantCulture),
        float f => f.ToString("0.####", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
