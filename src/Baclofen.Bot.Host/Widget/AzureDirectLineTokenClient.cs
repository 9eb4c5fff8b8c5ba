using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Host.Widget;

/// <summary>
/// Exchanges the clinic's Azure Direct Line secret for a conversation token, server-side, so
/// the secret never reaches a browser (a secret opens every conversation; a token only one).
/// </summary>
public sealed class AzureDirectLineTokenClient(HttpClient http, IOptions<WidgetOptions> options, ILogger<AzureDirectLineTokenClient> logger)
{
    public async Task<GeneratedToken?> GenerateAsync(string userId, CancellationToken cancellationToken)
    {
        var azure = options.Value.DirectLine;
        using var request = new HttpRequestMessage(HttpMethod.Post, azure.BaseUrl.TrimEnd('/') + "/v3/directline/tokens/generate")
        {
            Content = JsonContent.Create(new GenerateRequest(new GenerateUser(userId))),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", azure.Secret);

        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogError("Direct Line token generation failed with HTTP {Status}.", (int)response.StatusCode);
                return null;
            }

            var body = await response.Content.ReadFromJsonAsync<GeneratedToken>(cancellationToken).ConfigureAwait(false);
            if (body is null || string.IsNullOrEmpty(body.Token) || string.IsNullOrEmpty(body.ConversationId))
            {
                logger.LogError("Direct Line token generation returned an unexpected body.");
                return null;
            }

            return body;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or NotSupportedException)
        {
            logger.LogError("Direct Line token generation failed: {ExceptionType}.", ex.GetType().Name);
            return null;
        }
    }

    public sealed record GeneratedToken(
        [property: JsonPropertyName("conversationId")] string? ConversationId,
        [property: JsonPropertyName("token")] string? Token,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    private sealed record GenerateRequest([property: JsonPropertyName("user")] GenerateUser User);

    private sealed record GenerateUser([property: JsonPropertyName("id")] string Id);
}
