using Baclofen.Bot.Host;

await BotApp.Build(args).RunAsync();
