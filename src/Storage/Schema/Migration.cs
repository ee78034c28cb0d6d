using System.Reflection;

namespace AIaaS.Storage.Schema;

/// <summary>One numbered schema step (<c>001_log.sql</c>, …), embedded in this assembly and applied in order.</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>The migrations under the resource folder <paramref name="folder"/> (e.g. <c>Sqlite.Migrations</c>), by version.</summary>
    public static IReadOnlyList<Migration> Embedded(string folder)
    {
        var assembly = typeof(Migration).Assembly;
        var prefix = $"{assembly.GetName().Name}.{folder}.";
        var found = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[prefix.Length..];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
            found.Add(new Migration(version, name, Read(assembly, resource)));
        }

        found.Sort((a, b) => a.Version.CompareTo(b.Version));
        return found;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
