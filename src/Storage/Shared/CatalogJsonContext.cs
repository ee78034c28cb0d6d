using System.Text.Json.Serialization;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Storage.Shared;

/// <summary>The stored form of <see cref="ItemMetadata"/>, generated at build time rather than reflected on at run time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ItemMetadata))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
