namespace AIaaS.Cli.Database;

/// <summary>One embedded script and the table whose presence means it has been applied.</summary>
internal sealed record SchemaScript(string Name, string Table)
{
    public string ReadText()
    {
        var assembly = typeof(SchemaScript).Assembly;
        using var stream = assembly.GetManifestResourceStream($"AIaaS.Cli.Database.Scripts.{Name}")
            ?? throw new InvalidOperationException($"The embedded script {Name} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
