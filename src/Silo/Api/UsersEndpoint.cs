using AIaaS.Grains.Interfaces;

namespace AIaaS.Silo.Api;

internal static class UsersEndpoint
{
    public static async Task<IResult> GetAsync(string userId, IGrainFactory grains)
    {
        if (EventRules.CheckId(userId, "userId") is { } badId)
        {
            return Problems.BadRequest(badId);
        }

        return Results.Ok(UserResponse.From(await grains.GetGrain<IUserGrain>(userId).GetProfileAsync()));
    }

    public static async Task<IResult> DeleteAsync(string userId, IGrainFactory grains)
    {
        if (EventRules.CheckId(userId, "userId") is { } badId)
        {
            return Problems.BadRequest(badId);
        }

        await grains.GetGrain<IUserGrain>(userId).ForgetAsync();
        return Results.NoContent();
    }
}
