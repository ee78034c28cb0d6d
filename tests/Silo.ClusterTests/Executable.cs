namespace AIaaS.Silo.ClusterTests;

internal static class Executable
{
    /// <summary>The first <paramref name="name"/> on PATH or in <paramref name="alsoIn"/> (where Debian's packages put it).</summary>
    public static string? Find(string name, params IEnumerable<string> alsoIn)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(alsoIn)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }
}
