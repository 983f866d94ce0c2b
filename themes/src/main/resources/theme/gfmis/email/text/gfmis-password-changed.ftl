<#ftl output_format="plainText">
${msg("gfmisPasswordChangedBody", username, changedAt, ipAddress)}

${msg("gfmisNotYou")}
