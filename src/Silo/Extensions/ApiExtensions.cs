using AIaaS.Silo.Api;

namespace AIaaS.Silo.Extensions;

internal static class ApiExtensions
{
    public static void AddEngineApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ArgumentExceptionHandler>();
        services.AddExceptionHandler<UnavailableHandler>();
        services.AddSingleton(TimeProvider.System);
    }

    /// <summary>HTTP API v1 as DESIGN.md specifies it.</summary>
    public static void MapEngineApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var v1 = app.MapGroup("/v1");
        v1.MapPost("/events", EventsEndpoint.PostAsync);
        v1.MapGet("/users/{userId}/recommendations", RecommendationsEndpoints.ForUserAsync);
        v1.MapGet("/items/{itemId}/similar", RecommendationsEndpoints.SimilarAsync);
        v1.MapPut("/items/{itemId}", ItemsEndpoint.PutAsync);
        v1.MapDelete("/users/{userId}", UsersEndpoint.DeleteAsync);
        v1.MapGet("/model", ModelEndpoints.GetAsync);
        v1.MapPost("/model/retrain", ModelEndpoints.RetrainAsync);
        v1.MapGet("/stats", StatsEndpoint.GetAsync);
    }
}
