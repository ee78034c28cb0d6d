using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace AIaaS.Silo.Extensions;

/// <summary>
/// What the endpoint signatures cannot tell the OpenAPI generator: query parameters read by hand from
/// <see cref="HttpRequest.Query"/>, bodies read by hand through JsonBody, and examples.
/// </summary>
internal static class OpenApiMetadata
{
    /// <summary>
    /// Summary and description as endpoint metadata and in the operation: the generator would otherwise take the
    /// handler's XML comment, which is written for the code's readers.
    /// </summary>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string summary, string description) => builder
        .WithSummary(summary)
        .WithDescription(description)
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Summary = summary;
            operation.Description = description;
            return Task.CompletedTask;
        });

    /// <summary>Plain-text answers of an endpoint mapped from a request delegate (no typed results to infer them from).</summary>
    public static TBuilder ProducesText<TBuilder>(this TBuilder builder, params int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata([.. statusCodes.Select(status => new ProducesResponseTypeMetadata(status, typeof(string), ["text/plain"]))]);

    /// <summary>Declares query parameters; one the generator inferred from the handler's signature is replaced.</summary>
    public static RouteHandlerBuilder WithQueryParameters(this RouteHandlerBuilder builder, params QueryParameter[] parameters) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var parameter in parameters)
            {
                var inferred = operation.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Query && p.Name == parameter.Name);
                if (inferred is not null)
                {
                    operation.Parameters.Remove(inferred);
                }

                operation.Parameters.Add(parameter.ToOpenApi());
            }

            return Task.CompletedTask;
        });

    /// <summary>
    /// The JSON body the endpoint reads by hand, with its schema and an example. Not Accepts&lt;T&gt;: that metadata
    /// also makes routing answer a bare 415 to another content type, before JsonBody can say what was wrong.
    /// </summary>
    public static RouteHandlerBuilder WithJsonRequestBody<T>(this RouteHandlerBuilder builder, string example) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new()
                    {
                        Schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken),
                        Example = JsonNode.Parse(example),
                    },
                },
            });

    /// <summary>A JSON answer for one status code, with its type and an example.</summary>
    public static RouteHandlerBuilder ProducesJson<T>(this RouteHandlerBuilder builder, int statusCode, string json) =>
        builder.Produces<T>(statusCode).AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue(statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response) == true
                && response.Content?.TryGetValue("application/json", out var media) == true)
            {
                media.Example = JsonNode.Parse(json);
            }

            return Task.CompletedTask;
        });
}

/// <summary>A query parameter as the API reads it: an integer with bounds and a default, or a repeatable string.</summary>
internal sealed record QueryParameter(string Name, string Description, int? Minimum = null, int? Maximum = null, int? Default = null, bool Repeatable = false)
{
    public static QueryParameter Integer(string name, string description, int minimum, int maximum, int @default) =>
        new(name, description, minimum, maximum, @default);

    public static QueryParameter Strings(string name, string description) => new(name, description, Repeatable: true);

    public static QueryParameter String(string name, string description) => new(name, description);

    public OpenApiParameter ToOpenApi() => new()
    {
        Name = Name,
        In = ParameterLocation.Query,
        Description = Description,
        Required = false,
        Style = ParameterStyle.Form,
        Explode = true,
        Schema = Repeatable
            ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 128 } }
            : Minimum is null
                ? new OpenApiSchema { Type = JsonSchemaType.String }
                : new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer,
                    Format = "int32",
                    Minimum = Minimum.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Maximum = Maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Default = Default is { } value ? JsonValue.Create(value) : null,
                },
    };
}
