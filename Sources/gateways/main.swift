import Foundation
import GatewaysCLI

let status = GatewaysCommand.run(
  arguments: Array(CommandLine.arguments.dropFirst()), io: CommandIO.process())
exit(status)
