namespace AIaaS.Cli.Database;

/// <summary>One of Orleans' scripts, by file name, and the table whose presence means it has been applied.</summary>
internal sealed record SchemaScript(string Name, string Table)
{
    public string ReadText(string folder)
    {
        var path = Path.Combine(folder, Name);
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new FileNotFoundException($"{path} does not exist: --scripts must be the folder with Orleans' PostgreSQL scripts ({string.Join(", ", OrleansSchema.Scripts.Select(s => s.Name))}).", path);
    }
}
