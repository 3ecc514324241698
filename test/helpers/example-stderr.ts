/**
 * What `calc examples/jinchang-2021.csv` prints on stderr (English): the one warning that its
 * feedstock coal and gas in the chemical sector count in energy but as no CO2, since no process
 * file (ammonia row) takes their carbon. With examples/jinchang-2021-process.csv beside it, it is gone.
 */
export const exampleFeedstockWarning =
  'examples/jinchang-2021.csv:14: warning: Manufacture of Raw Chemical Materials and Chemical Products 2021: 499116 tce of Raw Coal, Natural Gas used as feedstock count in energy but as no CO2, because no process file row (ammonia) takes their carbon (fix: if the feedstock makes ammonia, add a process file with an ammonia row for this year and sector (`jinchang-carbon template --process`))\n';

/** The same warning for the 2020 companion file (examples/jinchang-2020.csv), used by decompose. */
export const example2020FeedstockWarning =
  'examples/jinchang-2020.csv:14: warning: Manufacture of Raw Chemical Materials and Chemical Products 2020: 464393.55 tce of Raw Coal, Natural Gas used as feedstock count in energy but as no CO2, because no process file row (ammonia) takes their carbon (fix: if the feedstock makes ammonia, add a process file with an ammonia row for this year and sector (`jinchang-carbon template --process`))\n';
