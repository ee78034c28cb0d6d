using System.Text.Encodings.Web;
using System.Text.Json;

namespace AIaaS.Cli.Terminal;

/// <summary>One line of JSON for a terminal or a pipe: the server's text kept readable ('+', quotes and accents unescaped).</summary>
internal static class JsonLine
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(object value) => Console.WriteLine(JsonSerializer.Serialize(value, Options));
}
