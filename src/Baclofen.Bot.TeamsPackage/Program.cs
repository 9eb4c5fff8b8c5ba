using Baclofen.Bot.TeamsPackage;

return PackageCommand.Run(args, Console.Out, Console.Error);
