namespace AIaaS.Client;

/// <summary>Marks a service collection that already holds the recommendation client, so registration runs once.</summary>
internal sealed class RecommendationClientRegistration
{
    public bool ConfigurationBound { get; set; }
}
