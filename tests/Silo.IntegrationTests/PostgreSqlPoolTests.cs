using AIaaS.Silo.Clustering;
using Npgsql;

namespace AIaaS.Silo.IntegrationTests;

public sealed class PostgreSqlPoolTests
{
    [Fact]
    public void Bounded_NoPoolSize_CapsEachPool()
    {
        var bounded = new NpgsqlConnectionStringBuilder(PostgreSqlPool.Bounded("Host=127.0.0.1;Username=aiaas;Database=aiaas"));

        Assert.Equal(PostgreSqlPool.DefaultMaxPoolSize, bounded.MaxPoolSize);
        Assert.Equal("127.0.0.1", bounded.Host);
        Assert.Equal("aiaas", bounded.Database);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Maximum Pool Size=150", 150)]
    [InlineData("Host=127.0.0.1;MaxPoolSize=100", 100)]
    public void Bounded_PoolSizeNamed_KeepsIt(string connectionString, int expected)
    {
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(PostgreSqlPool.Bounded(connectionString)).MaxPoolSize);
    }

    [Fact]
    public void Bounded_NotAConnectionString_StopsStartUpNamingTheSetting()
    {
        var ex = Assert.Throws<StartupConfigurationException>(() => PostgreSqlPool.Bounded("Host=127.0.0.1;NoSuchKeyword=1"));

        Assert.Contains("ConnectionStrings:PostgreSql", ex.Message, StringComparison.Ordinal);
    }
}
