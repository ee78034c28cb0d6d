namespace AIaaS.Storage.IntegrationTests.Infrastructure;

/// <summary>Marks a test class whose <see cref="StorageFactAttribute"/> facts need a throwaway PostgreSQL server.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgreSqlAttribute : Attribute;
