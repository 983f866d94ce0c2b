<#ftl output_format="plainText">
${msg("gfmisRegistrationHolderChangedBody", username, at)}

${msg("gfmisNotYou")}
