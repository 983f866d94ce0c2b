<#ftl output_format="plainText">
${msg("gfmisTemporaryPasswordBody", username, reference)}

${msg("gfmisTemporaryPasswordLabel")} ${temporaryPassword}

${msg("gfmisTemporaryPasswordRules", expiresAt, lifetimeMinutes?c)}

${msg("gfmisNotYou")}
