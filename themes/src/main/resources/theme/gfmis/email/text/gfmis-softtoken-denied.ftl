<#ftl output_format="plainText">
${msg("gfmisSoftTokenDeniedBody", username, deniedAt, clientName, browser, ipAddress)}

${msg("gfmisSoftTokenDeniedAdvice")}

${msg("gfmisNotYou")}
