namespace AIaaS.Storage.IntegrationTests.Infrastructure;

/// <summary>The test classes that share the one PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlFixture>
{
    public const string Name = "PostgreSQL";
}
