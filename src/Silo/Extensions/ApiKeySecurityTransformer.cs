using AIaaS.Silo.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AIaaS.Silo.Extensions;

/// <summary>
/// The two ways to send a key as security schemes, and on each operation either both (with the scope it needs) or
/// an explicit empty requirement: /health/*, /metrics (unless protected) and the reference pages are open.
/// </summary>
internal sealed class ApiKeySecurityTransformer(EndpointDataSource endpoints) : IOpenApiDocumentTransformer
{
    private const string ApiKeyScheme = "ApiKey";
    private const string BearerScheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = PresentedKey.HeaderName,
                Description = $"An API key, when {AuthOptions.Section}:{nameof(AuthOptions.AdminKey)} is set: the admin key, or one issued by POST /v1/keys.",
            },
            [BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The same key as Authorization: Bearer <key>.",
            },
        };
        document.Security = null;

        var scopes = ScopesByOperation();
        foreach (var (path, item) in document.Paths ?? [])
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                if (scopes.TryGetValue((path, method.Method), out var scope))
                {
                    operation.Security =
                    [
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] },
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
                    ];
                    operation.Description += $" Needs a key of scope {scope} (or admin) when keys are on.";
                }
                else
                {
                    operation.Security = [new OpenApiSecurityRequirement()];
                }
            }
        }

        return Task.CompletedTask;
    }

    private Dictionary<(string Path, string Method), string> ScopesByOperation()
    {
        var scopes = new Dictionary<(string, string), string>();
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
            if (policy is null || !policy.StartsWith(ScopeRequirement.PolicyPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var path = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            foreach (var method in RequestDelegateEndpointsTransformer.HttpMethods(endpoint))
            {
                scopes[(path, method.Method)] = policy[ScopeRequirement.PolicyPrefix.Length..];
            }
        }

        return scopes;
    }
}
