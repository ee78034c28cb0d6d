using System.CommandLine;
using System.Text.Json;
using AIaaS.Cli.Http;
using AIaaS.Cli.Terminal;
using Spectre.Console;

namespace AIaaS.Cli.Commands;

/// <summary>`aiaas status --server URL`: the served model, the event counts and readiness of a running engine.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var server = new Option<string>("--server") { Description = "Base address of a running engine, e.g. http://127.0.0.1:5080", Required = true };
        var apiKey = ApiKeyOption.Create();
        var json = new Option<bool>("--json") { Description = "Print one JSON object with model, stats and readiness" };
        var command = new Command("status", "Show a running engine's model, counts and readiness") { server, apiKey, json };
        command.SetAction((parse, ct) => CliErrors.RunAsync(async () =>
        {
            using var http = EngineHttp.Create(parse.GetValue(server)!, ApiKeyOption.Resolve(parse, apiKey));
            var status = await EngineStatus.ReadAsync(http, ct);
            if (parse.GetValue(json))
            {
                JsonLine.Write(new { model = status.Model, stats = status.Stats, ready = new { ready = status.Ready, status = status.Health } });
                return 0;
            }

            var console = Consoles.Out();
            console.Write(Table("model",
                ("version", Text(status.Model, "version") ?? "none (not trained yet)"),
                ("trained at", Text(status.Model, "trainedAt") ?? "never"),
                ("users", Text(status.Model, "users")),
                ("items", Text(status.Model, "items")),
                ("factors", Text(status.Model, "factors")),
                ("last error", Text(status.Model, "lastError") ?? "none")));
            console.Write(Table("stats", ("events", Text(status.Stats, "events")), ("users", Text(status.Stats, "users")), ("items", Text(status.Stats, "items"))));
            console.Write(Table("health", ("ready", status.Ready ? "yes" : "no"), ("status", status.Health)));
            return 0;
        }));
        return command;
    }

    private static Table Table(string title, params (string Name, string? Value)[] rows)
    {
        var table = new Table { Title = new TableTitle(title) }.AddColumn("").AddColumn("");
        table.ShowHeaders = false;
        foreach (var (name, value) in rows)
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(value ?? "?"));
        }

        return table;
    }

    /// <summary>A field as the server wrote it (numbers and dates unchanged), or null when absent or null.</summary>
    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => value.GetString(),
            _ => value.GetRawText(),
        } : null;
}
