using AIaaS.Storage.PostgreSql;
using Npgsql;

namespace AIaaS.Storage.IntegrationTests;

public sealed class PostgreSqlSessionsTests
{
    [Fact]
    public void Kept_NothingSaid_SessionsKeptAndTheRestUnchanged()
    {
        var kept = new NpgsqlConnectionStringBuilder(PostgreSqlSessions.Kept("Host=db.internal;Port=5433;Username=aiaas;Database=engine;Maximum Pool Size=7"));

        Assert.True(kept.NoResetOnClose);
        Assert.Equal(("db.internal", 5433, "aiaas", "engine", 7), (kept.Host, kept.Port, kept.Username, kept.Database, kept.MaxPoolSize));
    }

    [Theory]
    [InlineData("Host=127.0.0.1;No Reset On Close=false")]
    [InlineData("Host=127.0.0.1;NoResetOnClose=False")]
    public void Kept_ResetNamed_LeftAsTheConnectionStringSays(string connectionString)
    {
        Assert.False(new NpgsqlConnectionStringBuilder(PostgreSqlSessions.Kept(connectionString)).NoResetOnClose);
    }

    [Fact]
    public void Kept_NoConnectionString_ThrowsNamingTheArgument()
    {
        Assert.Equal("connectionString", Assert.Throws<ArgumentException>(() => PostgreSqlSessions.Kept(" ")).ParamName);
    }
}
