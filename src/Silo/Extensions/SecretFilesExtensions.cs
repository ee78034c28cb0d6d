namespace AIaaS.Silo.Extensions;

internal static class SecretFilesExtensions
{
    /// <summary>The setting naming the folder of secret files; where Docker and Compose mount secrets by default.</summary>
    public const string SecretsPathKey = "AIaaS:SecretsPath";

    public const string DefaultSecretsPath = "/run/secrets";

    /// <summary>
    /// Reads one setting per file from the secrets folder, named as in the environment (<c>AIaaS__Auth__AdminKey</c>,
    /// <c>ConnectionStrings__PostgreSql</c>), so that a key never has to sit in an environment variable that
    /// <c>docker inspect</c> or a process listing shows. Added last: a mounted secret is the operator's final word.
    /// </summary>
    public static void UseSecretFiles(this WebApplicationBuilder builder)
    {
        var folder = builder.Configuration[SecretsPathKey] is { Length: > 0 } configured ? configured : DefaultSecretsPath;
        if (Directory.Exists(folder))
        {
            builder.Configuration.AddKeyPerFile(Path.GetFullPath(folder), optional: true);
        }
    }
}
