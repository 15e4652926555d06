export const PRODUCT_NAME = 'National cooperation survey';

export const ATTRIBUTION =
  'Council of the Baltic Sea States Task Force against Trafficking in Human Beings (CBSS TF-THB) and United Nations Office on Drugs and Crime (UNODC)';
