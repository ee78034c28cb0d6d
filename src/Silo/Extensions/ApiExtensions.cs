using AIaaS.Silo.Api;
using AIaaS.Silo.Options;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace AIaaS.Silo.Extensions;

internal static class ApiExtensions
{
    public static void AddEngineApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        // The same limit for a body read some other way than JsonBody, which lifts it for its own read.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ApiOptions>>((kestrel, api) =>
            kestrel.Limits.MaxRequestBodySize = api.Value.MaxRequestBodyBytes);
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
        v1.MapGet("/items/{itemId}", ItemsEndpoint.GetAsync);
        v1.MapGet("/items", ItemsEndpoint.List);
        v1.MapDelete("/items/{itemId}", ItemsEndpoint.DeleteAsync);
        v1.MapPost("/sessions/recommendations", SessionsEndpoint.RecommendAsync);
        v1.MapGet("/users/{userId}", UsersEndpoint.GetAsync);
        v1.MapDelete("/users/{userId}", UsersEndpoint.DeleteAsync);
        v1.MapGet("/model", ModelEndpoints.GetAsync);
        v1.MapPost("/model/retrain", ModelEndpoints.RetrainAsync);
        v1.MapGet("/stats", StatsEndpoint.GetAsync);
    }
}
